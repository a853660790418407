/**
 * Errors of the curation side. A Conflict is a change made against a revision
 * that is no longer the newest (or while another save holds the story): the
 * caller reloads and tries again. Everything else a change can get wrong is a
 * BadInput (the message names the field) or an InvalidStory (the validation
 * the seed runs, naming file, record and problem).
 */
import { DomainError } from '../domain/errors.js';

export class Conflict extends DomainError {}
