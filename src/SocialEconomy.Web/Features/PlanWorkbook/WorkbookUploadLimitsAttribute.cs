using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>The plan import's upload limits (PlanWorkbook:MaxUploadBytes); a too large file gets the import page with its Korean problem.</summary>
public sealed class WorkbookUploadLimitsAttribute : UploadLimitsAttribute
{
    protected override long MaxRequestBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value.MaxRequestBytes;

    protected override IActionResult TooLarge(AuthorizationFilterContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<PlanWorkbookOptions>>().Value;
        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = "Import",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<PlanImportViewModel>(metadata, context.ModelState)
            {
                Model = PlanImportViewModel.For(options, problems: [WorkbookProblem.OfFile(WorkbookGuard.TooLarge(options))]),
            },
        };
    }
}
