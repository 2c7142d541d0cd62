package cn.league.stats;

import cn.league.test.ServiceStructureContract;

class StatsServiceStructureTest extends ServiceStructureContract {
}
