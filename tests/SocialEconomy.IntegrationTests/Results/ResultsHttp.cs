using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>Arranging results of the seeded plan, and filling the year page as an official would.</summary>
public static class ResultsHttp
{
    public static Task<int> SeededPlanIdAsync(this PortalFactory factory) =>
        factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    /// <summary>Opens (or reopens) the year for results, straight in the database.</summary>
    public static Task<int> OpenPeriodAsync(this PortalFactory factory, int planId, int year, DateOnly? deadline = null) =>
        factory.WithDbAsync(async db =>
        {
            var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year);
            if (period is null)
            {
                var plan = await db.Plans.SingleAsync(p => p.Id == planId);
                period = new ResultsPeriod(plan, year, deadline ?? new DateOnly(2099, 1, 31), DateTime.UtcNow);
                db.ResultsPeriods.Add(period);
            }
            else if (!period.IsOpen)
            {
                period.Reopen(deadline ?? new DateOnly(2099, 1, 31));
            }
            else if (deadline is { } changed)
            {
                period.ChangeDeadline(changed);
            }

            await db.SaveChangesAsync();
            return period.Id;
        });

    /// <summary>The year page's form with the given fields changed, as the browser would post it.</summary>
    public static async Task<HttpResponseMessage> PostResultAsync(this HttpClient client, string url, Func<IDocument, Dictionary<string, string>> change, string intent = "save")
    {
        var page = await client.GetDocumentAsync(url);
        var fields = page.FormFields("#result-form");
        foreach (var (name, value) in change(page))
        {
            fields[name] = value;
        }

        fields["Intent"] = intent;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The year page's form with the given fields changed and an evidence file chosen, posted as multipart as the browser does.</summary>
    public static async Task<HttpResponseMessage> PostResultWithFileAsync(this HttpClient client, string url, Func<IDocument, Dictionary<string, string>> change, string intent, string fileName, byte[] file)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(change);
        var page = await client.GetDocumentAsync(url);
        var fields = page.FormFields("#result-form");
        fields.Remove("file");
        foreach (var (name, value) in change(page))
        {
            fields[name] = value;
        }

        fields["Intent"] = intent;
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    /// <summary>The form field name of the indicator (or budget line) in the row whose header is <paramref name="rowName"/>, nth match.</summary>
    public static string FieldOf(this IDocument page, string prefix, string rowName, int nth = 0) =>
        page.QuerySelectorAll("#result-form tr")
            .Where(tr => tr.QuerySelector("th[scope='row']")?.TextContent.Trim() == rowName)
            .Select(tr => tr.QuerySelector($"[name^='{prefix}[']")?.GetAttribute("name"))
            .Where(n => n is not null)
            .ElementAt(nth)!;

    /// <summary>A review step (confirm, return, reopen) posted as the page's form does, with the version it shows.</summary>
    public static async Task<HttpResponseMessage> ReviewAsync(this HttpClient client, string url, string step, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(url);
        var version = page.QuerySelector("form[action$='/confirm'] input[name='version'], form[action$='/reopen'] input[name='version']")?.GetAttribute("value") ?? string.Empty;
        return await client.PostFormAsync(url, $"{url}/{step}", new Dictionary<string, string>(fields) { ["version"] = version });
    }
}
