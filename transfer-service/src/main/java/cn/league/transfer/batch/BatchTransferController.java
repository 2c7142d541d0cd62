package cn.league.transfer.batch;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.league.support.security.Caller;
import cn.league.transfer.TransferView;

@Tag(name = "批量转接", description = "组织关系批量转接 (R-TR-4)")
@RestController
class BatchTransferController {

    private final BatchTransfers batches;
    private final Clock clock;

    BatchTransferController(BatchTransfers batches, ObjectProvider<Clock> clock) {
        this.batches = batches;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** R-TR-4 组织关系批量转接: up to 30 people between branches under the caller's committee, done at once. */
    @Operation(summary = "组织关系批量转接 (R-TR-4)")
    @PostMapping("/api/transfers/batch")
    @ResponseStatus(HttpStatus.CREATED)
    List<TransferView> batch(JwtAuthenticationToken token, @RequestBody BatchTransfer request) {
        return batches.move(Caller.of(token).idNumber(), request.committeeId(), request.toBranchId(),
                request.idNumbers(), request.reason()).stream()
                .map(transfer -> TransferView.of(transfer, clock.instant())).toList();
    }

    record BatchTransfer(long committeeId, long toBranchId, List<String> idNumbers, String reason) {
    }
}
