using Serilog;

namespace SocialEconomy.Web.Configuration;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog from the "Serilog" section of appsettings.json (console and a rolling file).
    /// Serilog.AspNetCore cannot be restored here, so Serilog is plugged into
    /// Microsoft.Extensions.Logging directly and requests are logged by
    /// <see cref="RequestLoggingMiddleware"/>. appsettings.json wraps both sinks in Serilog's
    /// Async sink, so that no request waits for its log line: the console sink writes
    /// synchronously under one lock, which serialises requests under load.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
