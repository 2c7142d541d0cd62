package cn.league.transfer;

import cn.league.test.ServiceStructureContract;

class TransferServiceStructureTest extends ServiceStructureContract {
}
