package cn.league.identity;

import cn.league.test.ServiceStructureContract;

class IdentityVerificationServiceStructureTest extends ServiceStructureContract {
}
