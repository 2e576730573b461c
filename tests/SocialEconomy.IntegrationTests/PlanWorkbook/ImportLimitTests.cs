using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// At most two workbook imports at once (PlanWorkbook:MaxConcurrentImports): the test holds
/// permits of the app's own limiter, so "two imports are running" is a fact, not a race.
/// </summary>
public class ImportLimitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private RateLimiter Limiter => factory.Services.GetRequiredKeyedService<RateLimiter>(WorkbookImportLimitAttribute.LimiterKey);

    [Fact]
    public async Task ThirdImportAtOnce_GetsTheBusyPage_With503AndRetryAfter_AndNothingIsRead()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        var template = await client.DownloadAsync("/plans/workbook-template");
        var planId = await factory.SeededPlanIdAsync();
        using (var first = Limiter.AttemptAcquire())
        using (var second = Limiter.AttemptAcquire())
        {
            Assert.True(first.IsAcquired && second.IsAcquired, "the default limit is two imports");

            using var plan = await client.PostImportAsync(template, "계획.xlsx", newTitle: "동시 가져오기 시험");
            await AssertBusyAsync(plan);
            var (results, _) = await client.UploadResultsAsync(planId, 2018, null, template);
            using (results)
            {
                await AssertBusyAsync(results);
            }
        }

        // With the permits back the same upload is read again (and refused for its own reasons).
        using var after = await client.PostImportAsync(template, "계획.xlsx", newTitle: "동시 가져오기 시험");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task FinishedImports_GiveTheirPermitBack()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        var notAWorkbook = "plain text"u8.ToArray();
        using var held = Limiter.AttemptAcquire();
        Assert.True(held.IsAcquired);

        // One permit left: each import must return it, or the next would be refused.
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostImportAsync(notAWorkbook, "계획.xlsx");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([WorkbookGuard.NotXlsx], await response.ProblemsAsync());
        }
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(WorkbookImportLimitAttribute.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var page = await response.DocumentAsync();
        Assert.Equal("다른 엑셀 가져오기가 진행 중입니다. 잠시 후 다시 시도하세요.", page.QuerySelector("#import-busy")?.TextContent);
        Assert.Contains("잠시 후 다시 시도하세요", page.Title, StringComparison.Ordinal);
    }
}
