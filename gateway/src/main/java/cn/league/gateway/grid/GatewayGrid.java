package cn.league.gateway.grid;

import java.time.Duration;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This replica's member of the gateway grid. Members find each other by configuration only (a list of addresses, or
 * a headless Service's DNS name in Kubernetes; never multicast). Each entry has one backup on another member, so a
 * replica killed or restarted loses nothing while another one runs; a stopping replica hands its entries over first
 * (Hazelcast's graceful shutdown, when Spring closes the context).
 */
@Configuration(proxyBeanMethods = false)
public class GatewayGrid {

    /** Every map keeps one backup of each entry on another member. */
    private static final int BACKUPS = 1;

    /** The maps' settings come from the features that use them (sessions, rate limits) as {@link MapConfig} beans. */
    @Bean(destroyMethod = "shutdown")
    HazelcastInstance gridMember(GridProperties grid, List<MapConfig> maps) {
        return Hazelcast.newHazelcastInstance(config(grid, maps));
    }

    public static Config config(GridProperties grid, List<MapConfig> maps) {
        Config config = new Config();
        config.setClusterName(grid.clusterName());
        // the sessions' attributes are Spring Security's and the JDK's classes: the application's loader knows them
        config.setClassLoader(GatewayGrid.class.getClassLoader());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Spring shuts the member down (gracefully) with the context; the JVM's hook would race it
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        // a taken port is an error, never a silent move to the next one (which the other replicas do not list)
        network.setPort(grid.port()).setPortAutoIncrement(false).setReuseAddress(true);
        if (!grid.address().isBlank()) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            network.getInterfaces().setEnabled(true).addInterface(grid.address());
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (!grid.kubernetesServiceDns().isBlank()) {
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", grid.kubernetesServiceDns())
                    .setProperty("service-port", Integer.toString(grid.port()))
                    .setProperty("service-dns-timeout", Integer.toString(Math.max(1, grid.joinTimeoutSeconds())));
        } else {
            join.getTcpIpConfig().setEnabled(true)
                    .setMembers(grid.members())
                    .setConnectionTimeoutSeconds(Math.max(1, grid.joinTimeoutSeconds()));
        }
        maps.forEach(map -> config.addMapConfig(map.setBackupCount(BACKUPS)));
        return config;
    }

    /** A map's max-idle time in whole seconds (at least one). */
    public static int seconds(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
    }
}
