package cn.league.transfer.support;

import cn.league.test.ServiceApi;

/** Calls transfer-service over HTTP as a given person, with a test-issued Keycloak-shaped token. */
public final class TransferApi extends ServiceApi {

    public TransferApi(int port) {
        super(port);
    }
}
