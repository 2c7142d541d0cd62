package cn.league.member;

import cn.league.test.ServiceStructureContract;

class MemberServiceStructureTest extends ServiceStructureContract {
}
