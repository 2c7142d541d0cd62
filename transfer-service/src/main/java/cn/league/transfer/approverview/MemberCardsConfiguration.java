package cn.league.transfer.approverview;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = MemberCardClient.class)
class MemberCardsConfiguration {
}
