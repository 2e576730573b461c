using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// Saving a structure change. Every change bumps the plan's StructureVersion, a concurrency
/// token, so when two coordinators change the same plan at once the later save fails here
/// and is shown as a conflict instead of silently winning.
/// </summary>
public static class StructureSave
{
    public const string ConflictMessage = "다른 사용자가 방금 이 계획의 추진체계를 바꿨습니다. 현재 내용을 확인한 뒤 다시 저장하세요. 입력한 내용은 그대로 남아 있습니다.";

    /// <summary>Saves; on a conflict forgets the stale changes and puts the Korean message beside <paramref name="field"/>.</summary>
    public static async Task<bool> TrySaveStructureAsync(this AppDbContext db, ModelStateDictionary modelState, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(field, ConflictMessage);
            return false;
        }
    }
}
