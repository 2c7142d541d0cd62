package cn.league.identity;

import org.springframework.test.context.TestPropertySource;

import cn.league.test.ServiceConventionsContract;

// no worker here: a context stays alive for the whole test run, and its worker would take other tests' people
@TestPropertySource(properties = "league.identity.worker.enabled=false")
class IdentityVerificationServiceConventionsTest extends ServiceConventionsContract {
}
