/** The timeline's shapes, derived from the API contract (electron/api/contract/timeline.ts). */
import type { ApiContract } from '../../../electron/api/contract';
import type { InputOf, OutputOf } from '../../../electron/api/define';

export type TimelineList = OutputOf<ApiContract, 'timeline.list'>;
export type TimelineEvent = TimelineList['events'][number];
export type TimelineApiScope = InputOf<ApiContract, 'timeline.list'>['scope'];
