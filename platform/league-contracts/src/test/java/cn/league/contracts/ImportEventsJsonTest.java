package cn.league.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the data of import-service's events: a change here breaks consumers (the operation centre). */
class ImportEventsJsonTest {

    private static final UUID JOB = UUID.fromString("0b9c6f4e-2d59-4a53-9a51-4a8f0f3f6a10");
    private static final Instant AT = Instant.parse("2027-06-01T08:30:00Z");

    private static String data(Object event) {
        String json = EventJson.write(new EventEnvelope<>(JOB, EventEnvelope.typeOf(event.getClass()), AT,
                JOB.toString(), "1.12", null, event));
        assertThat(EventJson.dataAs(EventJson.read(json), event.getClass())).isEqualTo(event);
        return json.substring(json.indexOf("\"data\":") + 7, json.length() - 1);
    }

    @Test
    @DisplayName("R-IMP-2 ImportFinished: the job, its org and uploader, the outcome and the counts of the result sentence")
    void importFinished() {
        assertThat(EventEnvelope.typeOf(ImportFinished.class)).isEqualTo("ImportFinished.v1");
        assertThat(data(new ImportFinished(JOB, 12, "110105199001014329", "subordinate-members", "名单.xlsx",
                ImportOutcome.DONE, 2, 5, null, null, AT)))
                .isEqualTo("{\"jobId\":\"" + JOB + "\",\"orgId\":12,\"uploadedBy\":\"110105199001014329\","
                        + "\"template\":\"subordinate-members\",\"fileName\":\"名单.xlsx\",\"outcome\":\"DONE\","
                        + "\"rowsStored\":2,\"rowsFailed\":5,\"problemCode\":null,\"problemDetail\":null,"
                        + "\"finishedAt\":\"2027-06-01T08:30:00Z\"}");
    }
}
