using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.UnitTests.ResultAttachments;
using SocialEconomy.Web.Data;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>
/// The year page's save with an evidence file and 제출 is one transaction: the draft, the
/// file and the submission are stored together, or, when the process dies between the steps,
/// not at all. The portal runs as its own process (Development, demo accounts) so that it
/// can really be killed; the database file is then opened by the test.
/// </summary>
public class OneTransactionSaveTests
{
    private const string Year = "2017";
    private const string Code = "1-1";
    private const string FileName = "발굴단 회의록.pdf";

    [Fact]
    public async Task SaveWithFileAndSubmit_StoresTheDraftTheFileAndTheSubmission()
    {
        await using var portal = await PortalProcess.StartAsync();
        var url = await OpenYearAsync(portal);
        using var officer = await portal.SignInAsync("officer", "Demo1234!");

        using var response = await officer.PostResultWithFileAsync(url, ResultsEntryTests.CompleteFor2017, "submit", FileName, SampleFiles.Pdf);

        Assert.True(response.IsRedirectTo(url), $"{response.StatusCode} {response.Headers.Location}");
        await using var db = portal.OpenDatabase();
        var result = await db.YearResults.Include(r => r.Events).SingleAsync(r => r.Year == 2017 && r.SubProject.Code == Code);
        Assert.Equal("2017년 발굴단 3개 구성·운영", result.Achievements);
        Assert.Equal(ResultStatus.Submitted, result.Status);
        Assert.Equal(ResultStep.Submitted, Assert.Single(result.Events).Step);
        var attachment = await db.ResultAttachments.SingleAsync(a => a.YearResultId == result.Id);
        Assert.Equal(FileName, attachment.FileName);
        Assert.Equal(SampleFiles.Pdf, await db.AttachmentBlobs.Where(b => b.AttachmentId == attachment.Id).Select(b => b.Content).SingleAsync());
    }

    [Fact]
    public async Task ProcessKilledAfterTheDraftIsSaved_LeavesNothingOfTheSave()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Testing__ExitBeforeSavingEvidence"] = "true" });
        var url = await OpenYearAsync(portal);
        using var officer = await portal.SignInAsync("officer", "Demo1234!");

        // The process kills itself once the draft's SaveChanges is done, as the file's begins.
        var post = await Record.ExceptionAsync(() => officer.PostResultWithFileAsync(url, ResultsEntryTests.CompleteFor2017, "submit", FileName, SampleFiles.Pdf));

        Assert.True(post is HttpRequestException or TaskCanceledException, $"The post should lose its connection; it gave {post?.GetType().Name ?? "an answer"}.");
        Assert.True(await portal.WaitForExitAsync(TimeSpan.FromSeconds(30)), "The portal is still running.");
        Assert.Contains("killing the process before the evidence file is saved", portal.Output, StringComparison.Ordinal);

        // All or none: neither the draft's values, nor the file, nor the submission.
        await using var db = portal.OpenDatabase();
        Assert.False(await db.YearResults.AnyAsync(r => r.Year == 2017 && r.SubProject.Code == Code));
        Assert.False(await db.ResultAttachments.AnyAsync());
        Assert.False(await db.AttachmentBlobs.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(YearResult)));
    }

    /// <summary>Opens 2017 for results straight in the database file, as the coordinator would on the periods page.</summary>
    private static async Task<string> OpenYearAsync(PortalProcess portal)
    {
        await using SqliteAppDbContext db = portal.OpenDatabase();
        var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync();
        db.ResultsPeriods.Add(new ResultsPeriod(plan, 2017, new DateOnly(2099, 1, 31), DateTime.UtcNow));
        await db.SaveChangesAsync();
        return $"/results/{plan.Id}/{Year}/{Code}";
    }
}
