package cn.league.transfer.approverview;

import java.util.Optional;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.league.contracts.member.TransferCard;

/**
 * member-service's card of a person for approvers (R-TR-13), over OpenFeign with a service-account token
 * ({@link ServiceAccountBearer}). Empty when member-service does not hold the person (404 is dismissed).
 */
@FeignClient(name = "member-service", url = "${league.member-service.url}",
        configuration = ServiceAccountBearer.class)
interface MemberCardClient {

    @GetMapping(TransferCard.PATH)
    Optional<TransferCard> card(@PathVariable("idNumber") String idNumber);
}
