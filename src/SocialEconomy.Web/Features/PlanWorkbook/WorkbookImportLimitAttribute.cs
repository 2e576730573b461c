using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// At most PlanWorkbook:MaxConcurrentImports workbook imports (plan, results) run at once:
/// each holds ClosedXML's whole model of a workbook in memory (docs/benchmarks.md), so a burst
/// of uploads must not add up. The next one is not queued but answered at once with 503, a
/// Retry-After header and a Korean page. A resource filter runs before model binding, so a
/// refused request's file is never opened. This is not the global rate limiter, whose 429
/// belongs to the sign-in limit.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkbookImportLimitAttribute : Attribute, IAsyncResourceFilter
{
    /// <summary>The key of the one shared <see cref="RateLimiter"/> in the service container.</summary>
    public const string LimiterKey = "workbook-imports";

    public const string BusyMessage = "다른 엑셀 가져오기가 진행 중입니다. 잠시 후 다시 시도하세요.";

    public const string BusyView = "PlanWorkbook/ImportBusy";

    /// <summary>An import takes seconds (docs/benchmarks.md); a retry soon after usually finds a free slot.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>The limiter: <see cref="PlanWorkbookOptions.MaxConcurrentImports"/> permits, no queue.</summary>
    public static RateLimiter CreateLimiter(IServiceProvider services, object? key) =>
        new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = services.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value.MaxConcurrentImports,
            QueueLimit = 0,
        });

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        using var lease = http.RequestServices.GetRequiredKeyedService<RateLimiter>(LimiterKey).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            http.RequestServices.GetRequiredService<ILogger<WorkbookImportLimitAttribute>>()
                .LogWarning("Workbook import refused: {Limit} imports already running", http.RequestServices.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value.MaxConcurrentImports);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Result = new ViewResult { ViewName = BusyView, StatusCode = StatusCodes.Status503ServiceUnavailable };
            return;
        }

        await next();
    }
}
