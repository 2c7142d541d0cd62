package cn.league.importing;

import cn.league.test.ServiceConventionsContract;

class ImportServiceConventionsTest extends ServiceConventionsContract {
}
