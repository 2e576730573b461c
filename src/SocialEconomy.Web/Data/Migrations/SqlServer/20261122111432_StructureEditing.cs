using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEconomy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StructureEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_PlanId_Number",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OwningDepartmentId",
                table: "Plans");

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "Plans",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "StructureVersion",
                table: "Plans",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PlanId_Number",
                table: "Tasks",
                columns: new[] { "PlanId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OneCurrentPerOffice",
                table: "Plans",
                column: "OwningDepartmentId",
                unique: true,
                filter: "[IsCurrent] = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_PlanId_Number",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OneCurrentPerOffice",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "StructureVersion",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PlanId_Number",
                table: "Tasks",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwningDepartmentId",
                table: "Plans",
                column: "OwningDepartmentId");
        }
    }
}
