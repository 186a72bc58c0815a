import nock from 'nock';

// Test files share a jest worker process; each file must switch nock's interceptor on for itself
// and off when done, or the next file's requests escape it.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.restore();
});
