package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.league.contracts.identity.IdentityEvents.IdentityVerificationFailed;
import cn.league.contracts.identity.IdentityEvents.IdentityVerified;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the data of identity-verification-service's events (R-ID-1): a change here breaks consumers. */
class IdentityEventsJsonTest {

    private static final String ID = "11010119950315123X";
    private static final Instant CHECKED = Instant.parse("2027-06-01T08:30:00Z");

    private static String data(Object event) {
        String json = EventJson.write(new EventEnvelope<>(UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10"),
                EventEnvelope.typeOf(event.getClass()), CHECKED, ID, "1.2.3", null, event));
        assertThat(EventJson.dataAs(EventJson.read(json), event.getClass())).isEqualTo(event);
        return json.substring(json.indexOf("\"data\":") + 7, json.length() - 1);
    }

    @Test
    void identityVerified() {
        assertThat(EventEnvelope.typeOf(IdentityVerified.class)).isEqualTo("IdentityVerified.v1");
        assertThat(data(new IdentityVerified(ID, "张三", 3L, CHECKED)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"orgId\":3,"
                        + "\"checkedAt\":\"2027-06-01T08:30:00Z\"}");
    }

    @Test
    void identityVerificationFailed() {
        assertThat(EventEnvelope.typeOf(IdentityVerificationFailed.class)).isEqualTo("IdentityVerificationFailed.v1");
        assertThat(data(new IdentityVerificationFailed(ID, "张三", null, "查无此人", CHECKED)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"orgId\":null,\"reason\":\"查无此人\","
                        + "\"checkedAt\":\"2027-06-01T08:30:00Z\"}");
    }
}
