using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.ResultsWorkbook;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>A department's results workbook through the real pipeline: download, change in ClosedXML, upload.</summary>
public static class ResultsWorkbookHttp
{
    public static async Task<byte[]> DownloadResultsAsync(this HttpClient client, int planId, int year, int? department)
    {
        var url = $"/results/{planId}/{year}/workbook/download{(department is { } id ? $"?department={id}" : string.Empty)}";
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResultsWorkbookLayout.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static byte[] Change(byte[] content, Action<XLWorkbook> change)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        change(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The row holding <paramref name="key"/> in the hidden key column.</summary>
    public static int RowOf(this IXLWorksheet sheet, string key) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == key).RowNumber();

    public static int ColumnOf(this IXLWorksheet sheet, string header) =>
        sheet.Row(1).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;

    public static IXLCell CellOf(this IXLWorksheet sheet, string key, string header) => sheet.Cell(sheet.RowOf(key), sheet.ColumnOf(header));

    /// <summary>Posts the upload form; returns the response and its problems as "sheet|row|column|message".</summary>
    public static async Task<(HttpResponseMessage Response, List<string> Problems)> UploadResultsAsync(this HttpClient client, int planId, int year, int? department, byte[] content, string fileName = "실적.xlsx", string mode = "all")
    {
        var url = $"/results/{planId}/{year}/workbook";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new StringContent(mode), "mode" },
        };
        if (department is { } id)
        {
            form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "department");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(ResultsWorkbookLayout.ContentType);
        form.Add(file, "workbook", fileName);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        var document = await response.DocumentAsync();
        var problems = document.QuerySelectorAll("#import-problems tbody tr")
            .Select(tr => string.Join('|', tr.Children.Select(c => c.TextContent.Trim())))
            .ToList();
        return (response, problems);
    }
}
