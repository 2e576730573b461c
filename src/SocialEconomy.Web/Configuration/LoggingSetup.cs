using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;

namespace SocialEconomy.Web.Configuration;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog through Serilog.AspNetCore, from the "Serilog" section of appsettings.json
    /// (console and a rolling file). appsettings.json wraps both sinks in Serilog's Async sink,
    /// so that no request waits for its log line: the console sink writes synchronously under
    /// one lock, which serialises requests under load. The static <see cref="Log.Logger"/> is
    /// left alone: the tests run many hosts in one process, each with its own logger.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path (never the query string, which may carry personal
    /// data), status, elapsed time, the request id and the signed-in user's id. A request that
    /// throws is logged at Error with status 500 and its exception; the error page the
    /// exception handler then re-executes is the same request again, so it is logged at Debug.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            // Without it the middleware writes to the static logger, which this app leaves silent.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (http, _, exception) =>
                exception is not null ? LogEventLevel.Error
                : http.Features.Get<IExceptionHandlerFeature>() is not null ? LogEventLevel.Debug
                : http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("RequestId", http.TraceIdentifier);
                diagnostics.Set("UserId", http.User.FindFirstValue(ClaimTypes.NameIdentifier));
            };
        });
        return app;
    }
}
