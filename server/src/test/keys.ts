/**
 * A secret key that production accepts (as `pnpm porchlight secret generate` makes them: 32
 * random bytes, base64url), for tests that load a production configuration.
 */
export const PRODUCTION_TEST_KEY = 'kX9vR2mQ7tLp4WzB8nYc3JhF6sDg1AeU0oIi5PqRtZw'
