package cn.league.member.support;

import cn.league.test.ServiceApi;

/** Calls member-service over HTTP as a given person, with a test-issued Keycloak-shaped token. */
public final class MemberApi extends ServiceApi {

    public MemberApi(int port) {
        super(port);
    }
}
