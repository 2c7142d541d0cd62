package cn.league.stats;

import cn.league.test.ServiceConventionsContract;

class StatsServiceConventionsTest extends ServiceConventionsContract {
}
