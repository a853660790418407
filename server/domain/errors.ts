/**
 * The few errors the domain speaks. Adapters translate engine errors into
 * these; the GraphQL boundary maps each to a code and an HTTP status once.
 */
export class DomainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The caller asked for something malformed; the message says how to fix it. */
export class BadInput extends DomainError {}

/** The request would make the server do or return too much; the message says what to ask for instead. */
export class TooComplex extends BadInput {}

/** The caller named something that does not exist. */
export class NotFound extends DomainError {}

/** The database cannot be reached or is not ready; try again later. */
export class GraphUnavailable extends DomainError {}

/** A story failed validation; `problems` lists each one (file, record, what). */
export class InvalidStory extends DomainError {
  constructor(public readonly problems: string[]) {
    super(`The story was not loaded: ${problems.length} problem${problems.length === 1 ? '' : 's'} found.\n- ${problems.join('\n- ')}`);
  }
}
