/*
 * Ringside's stand-in for the stand-alone com.sun.net.httpserver (2007) service lookup, which calls
 * sun.misc.Service, gone since Java 9. Compiled by the local-cluster tool (localcluster/artifacts.ts)
 * for a Java 11 runtime without the jdk.httpserver module, and put on the node's classpath ahead of
 * that jar, so the Jolokia agent can start its HTTP server. Same API as the original class.
 */
package com.sun.net.httpserver.spi;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;

public abstract class HttpServerProvider {
    private static HttpServerProvider provider;

    protected HttpServerProvider() {}

    public abstract HttpServer createHttpServer(InetSocketAddress addr, int backlog) throws IOException;

    public abstract HttpsServer createHttpsServer(InetSocketAddress addr, int backlog) throws IOException;

    /** The one implementation the jar ships: no service lookup. */
    public static synchronized HttpServerProvider provider() {
        if (provider == null) provider = new sun.net.httpserver.DefaultHttpServerProvider();
        return provider;
    }
}
