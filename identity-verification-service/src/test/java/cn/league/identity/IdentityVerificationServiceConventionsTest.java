package cn.league.identity;

import cn.league.test.ServiceConventionsContract;

class IdentityVerificationServiceConventionsTest extends ServiceConventionsContract {
}
