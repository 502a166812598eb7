package org.reportplatform.gateway.accounts;


import org.reportplatform.gateway.backend.Backends;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The account pages: {@code /account} (mine), {@code /account/second-factor},
 * {@code /admin/accounts} (admins), {@code /invitation/{token}} (anyone with the link). Who may
 * reach them is the gateway's security chain's business; these handlers read the person from it
 * and act as that person on content-service's API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
public class AccountsConfiguration {

    @Bean
    AccountsClient accountsClient(Backends backends) {
        return new AccountsClient(backends.content());
    }

    @Bean
    RouterFunction<ServerResponse> accountRoutes(AccountsClient accounts, AccountsProperties properties) {
        return routes(accounts, properties);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(AccountsClient accounts, AccountsProperties properties) {
        Labels labels = new Labels(properties.zone());
        MyAccountHandler mine = new MyAccountHandler(accounts, labels);
        SecondFactorHandler secondFactor = new SecondFactorHandler(accounts, labels);
        AdminAccountsHandler admin = new AdminAccountsHandler(accounts, labels, properties.teams());
        InvitationHandler invitations = new InvitationHandler(accounts, labels);
        return org.springframework.web.reactive.function.server.RouterFunctions.route()
                .GET("/account", mine::page)
                .POST("/account/tokens", mine::createToken)
                .GET("/account/tokens/{id}/revoke", mine::confirmRevoke)
                .POST("/account/tokens/{id}/revoke", mine::revoke)
                .GET("/account/second-factor", secondFactor::intro)
                .POST("/account/second-factor", secondFactor::start)
                .POST("/account/second-factor/confirm", secondFactor::confirm)
                .GET("/admin/accounts", admin::list)
                .POST("/admin/accounts", admin::invite)
                .GET("/admin/accounts/{id}", admin::person)
                .POST("/admin/accounts/{id}", admin::update)
                .GET("/admin/accounts/{id}/confirm/{action}", admin::confirm)
                .POST("/admin/accounts/{id}/disable", admin::disable)
                .POST("/admin/accounts/{id}/enable", admin::enable)
                .POST("/admin/accounts/{id}/reset-password", admin::resetPassword)
                .POST("/admin/accounts/{id}/reset-second-factor", admin::resetSecondFactor)
                .GET("/invitation/{token}", invitations::form)
                .POST("/invitation/{token}", invitations::choosePassword)
                .build();
    }
}
