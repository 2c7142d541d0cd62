package cn.league.importing;

import cn.league.test.ServiceStructureContract;

class ImportServiceStructureTest extends ServiceStructureContract {
}
