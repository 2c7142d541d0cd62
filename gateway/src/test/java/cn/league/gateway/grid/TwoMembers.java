package cn.league.gateway.grid;

import java.util.List;
import java.util.UUID;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Two gateway grid members as two replicas run them: loopback, the second one listing the first. */
public final class TwoMembers implements AutoCloseable {

    public final HazelcastInstance first;
    public final HazelcastInstance second;

    public TwoMembers(List<MapConfig> maps) {
        String cluster = "test-" + UUID.randomUUID();
        first = Hazelcast.newHazelcastInstance(GatewayGrid.config(
                new GridProperties(cluster, 0, "127.0.0.1", List.of(), "", 2), copies(maps)));
        int firstPort = first.getCluster().getLocalMember().getAddress().getPort();
        second = Hazelcast.newHazelcastInstance(GatewayGrid.config(
                new GridProperties(cluster, 0, "127.0.0.1", List.of("127.0.0.1:" + firstPort), "", 2), copies(maps)));
        if (first.getCluster().getMembers().size() != 2) {
            close();
            throw new IllegalStateException("the second member did not join the first");
        }
    }

    private static List<MapConfig> copies(List<MapConfig> maps) {
        return maps.stream().map(MapConfig::new).toList();
    }

    @Override
    public void close() {
        second.getLifecycleService().terminate();
        first.getLifecycleService().terminate();
    }
}
