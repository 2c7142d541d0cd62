package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.member.MemberEvents.GraduateFlagged;
import cn.league.contracts.member.MemberEvents.GraduationFlagsSet;
import cn.league.contracts.member.MemberEvents.PersonDeleted;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.contracts.member.MemberEvents.ProfileChanged;
import cn.league.contracts.member.MemberEvents.RegistrationClosed;
import cn.league.contracts.member.MemberEvents.RegistrationKind;
import cn.league.contracts.member.MemberEvents.RegistrationOutcome;
import cn.league.contracts.member.MemberEvents.RegistrationRequested;
import cn.league.contracts.transfer.TransferEvents.DestinationType;
import cn.league.contracts.transfer.TransferEvents.ExternalSystem;
import cn.league.contracts.transfer.TransferEvents.TransferApproved;
import cn.league.contracts.transfer.TransferEvents.TransferKind;
import cn.league.contracts.transfer.TransferEvents.TransferRequested;
import cn.league.contracts.transfer.TransferEvents.TransferStep;
import cn.league.contracts.transfer.TransferEvents.TransferredOut;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the data of the transfer events and of member-service's lifecycle events: a change here breaks consumers. */
class LifecycleEventsJsonTest {

    private static final String ID = "11010119950315123X";

    private static String data(Object event) {
        String json = EventJson.write(new EventEnvelope<>(UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10"),
                EventEnvelope.typeOf(event.getClass()), Instant.parse("2027-06-01T00:00:00Z"), ID, null, null, event));
        assertThat(EventJson.dataAs(EventJson.read(json), event.getClass())).isEqualTo(event);
        return json.substring(json.indexOf("\"data\":") + 7, json.length() - 1);
    }

    @Test
    void transferEvents() {
        assertThat(data(new TransferRequested(9, ID, 100, 200)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"fromOrgId\":100,\"toOrgId\":200,"
                        + "\"kind\":\"ORDINARY\",\"destinationType\":null,\"firstStep\":null}");
        assertThat(data(new TransferRequested(9, ID, 100, null, TransferKind.SPECIAL_UNIT, DestinationType.MILITARY)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"fromOrgId\":100,\"toOrgId\":null,"
                        + "\"kind\":\"SPECIAL_UNIT\",\"destinationType\":\"MILITARY\",\"firstStep\":null}");
        assertThat(data(new TransferRequested(9, ID, 100, 200L, TransferKind.ORDINARY, null,
                TransferStep.OUT_SIDE_APPROVAL)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"fromOrgId\":100,\"toOrgId\":200,"
                        + "\"kind\":\"ORDINARY\",\"destinationType\":null,\"firstStep\":\"OUT_SIDE_APPROVAL\"}");
        assertThat(data(new TransferredOut(9, ID, 100, TransferKind.EXTERNAL, ExternalSystem.GUANGDONG, "共青团广州市某公司委员会")))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"fromBranchId\":100,\"kind\":\"EXTERNAL\","
                        + "\"externalSystem\":\"GUANGDONG\",\"destination\":\"共青团广州市某公司委员会\"}");
        assertThat(data(new TransferApproved(9, ID, 100, 201)))
                .isEqualTo("{\"transferId\":9,\"idNumber\":\"" + ID + "\",\"fromBranchId\":100,\"toBranchId\":201}");
    }

    @Test
    void personEntered() {
        assertThat(data(PersonEntered.member(ID, "张三", true, 7, true)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"hasMobile\":true,\"branchId\":7,"
                        + "\"post\":null,\"complete\":true}");
        assertThat(data(PersonEntered.cadre(ID, "张三", false, new Post(8, "书记"), false)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"hasMobile\":false,\"branchId\":null,"
                        + "\"post\":{\"orgId\":8,\"title\":\"书记\"},\"complete\":false}");
    }

    @Test
    @DisplayName("R-STAT-1 completeness travels on PersonEntered and ProfileChanged; events written before it read as unknown")
    void completeness() {
        assertThat(data(new ProfileChanged(ID, "张三", true, true)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"hasMobile\":true,\"complete\":true}");
        var oldEntered = EventJson.read("{\"eventId\":\"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10\",\"type\":\"PersonEntered.v1\","
                + "\"occurredAt\":\"2027-06-01T00:00:00Z\",\"aggregateId\":\"" + ID + "\",\"data\":{\"idNumber\":\"" + ID
                + "\",\"name\":\"张三\",\"hasMobile\":true,\"branchId\":7,\"post\":null}}");
        assertThat(EventJson.dataAs(oldEntered, PersonEntered.class)).isEqualTo(PersonEntered.member(ID, "张三", true, 7));
        assertThat(EventJson.dataAs(oldEntered, PersonEntered.class).complete()).isNull();
        var oldProfile = EventJson.read("{\"eventId\":\"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10\",\"type\":\"ProfileChanged.v1\","
                + "\"occurredAt\":\"2027-06-01T00:00:00Z\",\"aggregateId\":\"" + ID + "\",\"data\":{\"idNumber\":\"" + ID
                + "\",\"name\":\"张三\",\"hasMobile\":false}}");
        assertThat(EventJson.dataAs(oldProfile, ProfileChanged.class)).isEqualTo(new ProfileChanged(ID, "张三", false));
    }

    @Test
    void transferRequestedWrittenBeforeKindsReadsAsOrdinary() {
        var old = EventJson.read("{\"eventId\":\"0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10\",\"type\":\"TransferRequested.v1\","
                + "\"occurredAt\":\"2027-06-01T00:00:00Z\",\"aggregateId\":\"" + ID + "\",\"data\":{\"transferId\":9,"
                + "\"idNumber\":\"" + ID + "\",\"fromOrgId\":100,\"toOrgId\":200}}");
        assertThat(EventJson.dataAs(old, TransferRequested.class)).isEqualTo(new TransferRequested(9, ID, 100, 200));
    }

    @Test
    void memberLifecycleEvents() {
        assertThat(data(new PersonDeleted(ID, "110105199001014329", "重复录入")))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"deletedBy\":\"110105199001014329\",\"reason\":\"重复录入\"}");
        assertThat(data(new GraduateFlagged(ID, 7)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"branchId\":7}");
        assertThat(data(new GraduationFlagsSet(ID, false, true, false)))
                .isEqualTo("{\"idNumber\":\"" + ID + "\",\"graduate\":false,\"delayedGraduate\":true,\"teacher\":false}");
        assertThat(data(new RegistrationRequested(3, ID, "张三", 7, RegistrationKind.CADRE, "书记")))
                .isEqualTo("{\"registrationId\":3,\"idNumber\":\"" + ID + "\",\"name\":\"张三\",\"orgId\":7,"
                        + "\"kind\":\"CADRE\",\"postTitle\":\"书记\"}");
        assertThat(data(new RegistrationClosed(3, ID, 7, RegistrationOutcome.EXPIRED, null, null)))
                .isEqualTo("{\"registrationId\":3,\"idNumber\":\"" + ID + "\",\"orgId\":7,\"outcome\":\"EXPIRED\","
                        + "\"closedBy\":null,\"reason\":null}");
    }
}
