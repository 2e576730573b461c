using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace SocialEconomy.IntegrationTests.Infrastructure;

/// <summary>Fetches pages and posts forms through the real pipeline, as a browser would.</summary>
public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return await ParseAsync(body);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    /// <summary>The antiforgery token of the first form of a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string formPageUrl)
    {
        var document = await client.GetDocumentAsync(formPageUrl);
        return document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPageUrl} has no antiforgery token.");
    }

    /// <summary>Posts a form with the token read from <paramref name="formPageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(formPageUrl) };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    /// <summary>The fields a browser would submit from the form matched by <paramref name="formSelector"/>, with their current values.</summary>
    public static Dictionary<string, string> FormFields(this IDocument page, string formSelector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll($"{formSelector} input[name], {formSelector} textarea[name], {formSelector} select[name]")
            .Where(e => !e.HasAttribute("disabled"))
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => e.GetAttribute("type") is not ("submit" or "button"))

            // A ticked checkbox comes before its hidden "false" twin: the first value wins, as MVC binds it.
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().TagName switch
            {
                "TEXTAREA" => g.First().TextContent,
                "SELECT" => (g.First().QuerySelector("option[selected]") ?? g.First().QuerySelector("option"))?.GetAttribute("value") ?? string.Empty,
                _ => g.First().GetAttribute("value") ?? string.Empty,
            });
    }

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A redirect to <paramref name="path"/>, written relative or, as the cookie handler does, absolute.</summary>
    public static bool IsRedirectTo(this HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found) || location is null)
        {
            return false;
        }

        var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        return target.StartsWith(path, StringComparison.OrdinalIgnoreCase);
    }

    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
