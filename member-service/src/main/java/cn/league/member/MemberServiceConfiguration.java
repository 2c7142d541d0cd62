package cn.league.member;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.league.member.entry.DevelopmentNumberRule;
import cn.league.member.entry.EntryCheck;
import cn.league.member.idnumber.IdNumberRule;
import cn.league.member.idnumber.RegionCodes;

@Configuration(proxyBeanMethods = false)
class MemberServiceConfiguration {

    /** Ages and dates are judged in China time. */
    @Bean
    Clock chinaClock() {
        return Clock.system(IdNumberRule.CHINA);
    }

    /** R-ID-4 with the shipped GB/T 2260 table. */
    @Bean
    IdNumberRule idNumberRule(Clock clock) {
        return new IdNumberRule(RegionCodes.gbt2260(), clock);
    }

    /** R-MEM-5 with the default segment check (the org's province). */
    @Bean
    DevelopmentNumberRule developmentNumberRule() {
        return DevelopmentNumberRule.standard();
    }

    /** Every entry rule of one row (R-ID-4, R-MEM-3, R-MEM-4, R-MEM-5). */
    @Bean
    EntryCheck entryCheck(IdNumberRule idNumbers, DevelopmentNumberRule developmentNumbers, Clock clock) {
        return new EntryCheck(idNumbers, developmentNumbers, clock);
    }
}
