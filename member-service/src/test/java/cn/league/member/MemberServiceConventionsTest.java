package cn.league.member;

import cn.league.test.ServiceConventionsContract;

class MemberServiceConventionsTest extends ServiceConventionsContract {
}
