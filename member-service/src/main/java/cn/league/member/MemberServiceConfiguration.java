package cn.league.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.league.member.idnumber.IdNumberRule;

@Configuration(proxyBeanMethods = false)
class MemberServiceConfiguration {

    /** R-ID-4 with the shipped GB/T 2260 table, in China time. */
    @Bean
    IdNumberRule idNumberRule() {
        return IdNumberRule.standard();
    }
}
