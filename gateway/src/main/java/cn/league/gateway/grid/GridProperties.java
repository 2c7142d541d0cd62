package cn.league.gateway.grid;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway replicas' data grid (an embedded Hazelcast member in each): what they share is the browser sessions and
 * the callers' rate-limit buckets.
 *
 * @param clusterName only members with the same name join; one name per stack or release, so two stacks on one
 *                    machine or network never mix
 * @param port        where this member listens for the others (0: any free port, for tests)
 * @param address     the one local address to listen on and announce (e.g. 127.0.0.1 for a local stack); empty: all
 *                    interfaces, Hazelcast announces the first non-loopback one
 * @param members     the other replicas' {@code host:port}, tried at start (a listed address that is down costs
 *                    {@code join-timeout} once; none listed: this member starts alone at once)
 * @param kubernetesServiceDns a headless Service's DNS name: members are that name's addresses (replaces
 *                    {@code members})
 * @param joinTimeoutSeconds how long to try listed members that do not answer before starting alone
 */
@ConfigurationProperties("league.gateway.grid")
public record GridProperties(@DefaultValue("league-gateway") String clusterName, @DefaultValue("5701") int port,
                             @DefaultValue("") String address, @DefaultValue List<String> members,
                             @DefaultValue("") String kubernetesServiceDns,
                             @DefaultValue("2") int joinTimeoutSeconds) {
}
