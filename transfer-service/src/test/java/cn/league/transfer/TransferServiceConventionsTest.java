package cn.league.transfer;

import cn.league.test.ServiceConventionsContract;

class TransferServiceConventionsTest extends ServiceConventionsContract {
}
