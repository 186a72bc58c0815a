import type { INodeProperties } from 'n8n-workflow';

import { retryOnFailNotice, sendRunOptions } from '../../../runner/runOptions';
import {
	additionalFields,
	messageFields,
	slowFallbackNotice,
	validityPeriodField,
} from '../messageFields';
import { limitWaitTimeFields } from './limitWaitTime';

/** The form of a Send and Wait operation: what it waits for, the message, the time limit, Options. */
export function waitFields(notice: string, messageKind: INodeProperties): INodeProperties[] {
	return [
		{ displayName: notice, name: 'waitNotice', type: 'notice', default: '' },
		...messageFields(messageKind),
		additionalFields([validityPeriodField]),
		slowFallbackNotice,
		...limitWaitTimeFields,
		sendRunOptions,
		retryOnFailNotice,
	];
}
