import { describe, expect, it } from 'vitest'
import { webhookUrlProblem } from './endpoint-url.ts'

describe('webhook URLs', () => {
  it('takes public https URLs in production', () => {
    expect(webhookUrlProblem('https://hooks.example.com/porchlight?x=1', 'production')).toBeNull()
    expect(webhookUrlProblem('https://93.184.216.34/hook', 'production')).toBeNull()
  })

  it.each([
    'http://hooks.example.com/',
    'https://localhost/hook',
    'https://api.localhost/hook',
    'https://127.0.0.1/hook',
    'https://10.0.0.8/hook',
    'https://172.20.1.1/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://user:pw@hooks.example.com/',
    'https://hooks.example.com/#frag',
    'ftp://hooks.example.com/',
    'not a url',
  ])('refuses %s in production', (url) => {
    expect(webhookUrlProblem(url, 'production')).not.toBeNull()
  })

  it('lets development and tests post to local receivers over http', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9999/hooks', 'test')).toBeNull()
    expect(webhookUrlProblem('file:///etc/passwd', 'development')).not.toBeNull()
  })
})
