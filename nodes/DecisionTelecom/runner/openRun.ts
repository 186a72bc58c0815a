import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ApiClient, CREDENTIAL_TYPE } from '../transport';
import { asNodeError } from './itemErrors';
import { ParameterReader } from './parameters';
import { readRunSettings, type RunSettings } from './runOptions';

export interface Run {
	params: ParameterReader;
	settings: RunSettings;
	credentials: ICredentialDataDecryptedObject;
	api: ApiClient;
}

/**
 * What every operation needs for one run: the parameter reader, the Options (taken from the first
 * item, checked before anything is sent) and the API client with the credential read once.
 */
export async function openRun(context: IExecuteFunctions): Promise<Run> {
	const params = new ParameterReader(context);
	let settings: RunSettings;
	try {
		settings = readRunSettings(params.get('options', 0, {}) as IDataObject);
	} catch (caught) {
		const error = asNodeError(context, caught, 0);
		throw error;
	}
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return { params, settings, credentials, api: new ApiClient(context, credentials, settings) };
}
