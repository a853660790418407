import { GraphUnavailable } from '../../server/domain/errors.js';
import { translate } from '../../server/store/ladybug/errors.js';

describe("LadybugDB's errors, told with what to do", () => {
  it('names the setting to raise when the buffer pool is full', () => {
    const err = translate(new Error('Buffer manager exception: Unable to allocate memory! The buffer pool is full and no memory could be freed!'));
    expect(err.message).toMatch(/ran out of its memory for database pages/);
    expect(err.message).toMatch(/LADYBUG_LOAD_BUFFER_POOL_MB for npm run seed/);
    expect(err.message).toMatch(/LADYBUG_BUFFER_POOL_MB for the server/);
  });

  it('says a timed-out statement is the database taking too long, and passes other errors through', () => {
    expect(translate(new Error('Interrupted.'))).toBeInstanceOf(GraphUnavailable);
    const other = new Error('Binder exception: something else');
    expect(translate(other)).toBe(other);
  });
});
