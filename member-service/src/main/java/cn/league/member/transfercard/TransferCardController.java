package cn.league.member.transfercard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.league.contracts.member.TransferCard;
import cn.league.support.problem.ProblemException;

/**
 * R-TR-13 for other services (transfer-service's approver view): {@code /internal/**} needs the realm role
 * {@code league-transfer-cards} (transfer-service's account) and is never routed by the gateway; the caller decides who may read the card.
 */
@RestController
class TransferCardController {

    private final TransferCards cards;

    TransferCardController(TransferCards cards) {
        this.cards = cards;
    }

    @GetMapping(TransferCard.PATH)
    TransferCard card(@PathVariable String idNumber) {
        return cards.of(idNumber).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND",
                "R-TR-13", "未查询到该团员"));
    }
}
