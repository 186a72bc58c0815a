/* eslint-disable @typescript-eslint/no-require-imports, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * n8n's own deduplication store for node tests: the DeduplicationHelper and ProcessedData
 * repository of the installed n8n (the one `npm start` and the e2e suite use) on a real SQLite
 * database, behind the DataDeduplicationService of the n8n-core that runs the node in the tests.
 * Needs that n8n's Node 24 (its sqlite3 is built for it): run these tests with `npm run test:dedupe`.
 */
import path from 'node:path';

import { DataDeduplicationService } from 'n8n-core';

interface DataSourceLike {
	initialize(): Promise<unknown>;
	destroy(): Promise<unknown>;
}

export async function useRealDeduplicationStore(): Promise<DataSourceLike> {
	const modules = process.env.DECISIONTELECOM_N8N_MODULES;
	if (!modules)
		throw new Error(
			'DECISIONTELECOM_N8N_MODULES is not set: run these tests with `npm run test:dedupe`',
		);
	const from = (id: string) => require(path.join(modules, id));
	const { Container } = from('@n8n/di');
	const { DataSource } = from('@n8n/typeorm');
	const { ProcessedData, ProcessedDataRepository } = from('@n8n/db');
	const { DeduplicationHelper } = from('n8n/dist/deduplication/deduplication-helper.js');
	const dataSource: DataSourceLike = new DataSource({
		type: 'sqlite',
		database: ':memory:',
		entities: [ProcessedData],
		synchronize: true,
	});
	await dataSource.initialize();
	Container.set(ProcessedDataRepository, new ProcessedDataRepository(dataSource));
	DataDeduplicationService.init(new DeduplicationHelper());
	return dataSource;
}
