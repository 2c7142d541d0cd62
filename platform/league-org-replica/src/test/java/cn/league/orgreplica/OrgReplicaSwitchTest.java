package cn.league.orgreplica;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OrgReplicaSwitchTest {

    @Test
    @DisplayName("league.org-replica.enabled=false leaves no replica: org-service owns the real tree")
    void switchedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrgReplicaConfiguration.class))
                .withPropertyValues("league.org-replica.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(OrgTree.class);
                    assertThat(context).doesNotHaveBean(OrgEventsListener.class);
                });
    }
}
