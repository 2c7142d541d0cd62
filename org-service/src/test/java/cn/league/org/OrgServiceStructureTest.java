package cn.league.org;

import cn.league.test.ServiceStructureContract;

class OrgServiceStructureTest extends ServiceStructureContract {
}
