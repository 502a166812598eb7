package org.reportplatform.gateway.backend;

/**
 * The services behind the gateway, as the gateway's own pages call them (each call as the person
 * looking at the page).
 *
 * @param content content-service: chapters, accounts
 * @param figures figures-service: indicators, datasets
 * @param render  the render service: previews
 */
public record Backends(BackendClient content, BackendClient figures, BackendClient render) {
}
