import type { timelineContract } from '../contract/timeline.js';
import { QuireError } from '../../core/errors.js';
import type { Handlers } from './types.js';

// Transitional (replaced by the timeline core within the hour): the contract is published first so the
// Timeline UI can be built against it; until then every call says so in plain words.
const notYet = (): never => {
  throw new QuireError('not_ready', 'The timeline is not available in this build yet.');
};

export const timelineHandlers: Handlers<typeof timelineContract> = {
  'timeline.list': notYet,
  'timeline.promote': notYet,
  'timeline.updateEvent': notYet,
  'timeline.removeEvent': notYet,
};
