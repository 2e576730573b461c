using System.Diagnostics;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>Reads a PDF back as text (pdftotext from poppler-utils, with its page breaks as form feeds).</summary>
public static class ReportFiles
{
    /// <summary>The text without white space: pdftotext breaks and spaces table cells as the layout falls.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
