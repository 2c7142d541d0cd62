package cn.league.org;

import cn.league.test.ServiceConventionsContract;

class OrgServiceConventionsTest extends ServiceConventionsContract {
}
